// NestJS: a sync controller method and a lifecycle hook.
import { Controller, Get, Param, OnModuleInit } from '@nestjs/common';
import { readFileSync, readdirSync } from 'node:fs';
import { scryptSync } from 'node:crypto';

@Controller('docs')
export class DocsController implements OnModuleInit {
  private index: string[] = [];

  onModuleInit(): void {
    this.index = readdirSync('docs');
  }

  @Get(':name')
  find(@Param('name') name: string): string {
    return readFileSync(`docs/${name}.md`, 'utf8'); // blocking
  }

  @Get(':name/key')
  key(@Param('name') name: string): string {
    return scryptSync(name, 'salt', 32).toString('hex'); // blocking
  }
}
