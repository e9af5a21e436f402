import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Controller('config')
export class ConfigController {
  @Get()
  config(): string {
    return readFileSync('config.json', 'utf8');
  }

  @Get('length')
  length(): number {
    return this.config().length;
  }
}
