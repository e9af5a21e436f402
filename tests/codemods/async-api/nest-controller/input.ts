import { Controller, Get, Param } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Controller('files')
export class FilesController {
  @Get(':name')
  read(@Param('name') name: string): string {
    return readFileSync(`files/${name}`, 'utf8');
  }
}
