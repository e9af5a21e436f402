import { Controller, Get, Param } from '@nestjs/common';
import { readFile } from 'node:fs/promises';

@Controller('files')
export class FilesController {
  @Get(':name')
  async read(@Param('name') name: string): Promise<string> {
    return await readFile(`files/${name}`, 'utf8');
  }
}
