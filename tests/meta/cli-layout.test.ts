// Every `unblock` subcommand lives in its own folder of cli/ with a command.ts that exports one
// `register(program, io)`, and main.ts registers each of them: a folder added without wiring,
// or a command wired another way, fails here.

import { readdirSync } from 'node:fs';
import path from 'node:path';

import { Command } from 'commander';
import { describe, expect, it } from 'vitest';

import { main } from '../../cli/main.js';
import { repoRoot } from '../helpers/lint.js';

const cliRoot = path.join(repoRoot, 'cli');
const commandFolders = readdirSync(cliRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('cli/', () => {
  it('has a folder for each command', () => {
    expect(commandFolders).toEqual(['fix', 'list', 'merge-sarif', 'scan', 'trace']);
  });

  it.each(commandFolders)('cli/%s/command.ts registers the command named after its folder', async (folder) => {
    const module = (await import(path.join(cliRoot, folder, 'command.ts'))) as { register?: unknown };
    expect(Object.keys(module)).toEqual(['register']);
    const register = module.register as (program: Command, io: unknown) => Command;
    expect(register).toHaveLength(2);
    const program = new Command();
    register(program, { cwd: repoRoot, stdout: () => undefined, stderr: () => undefined, setExitCode: () => undefined });
    expect(program.commands.map((command) => command.name())).toEqual([folder]);
  });

  it('main registers every command folder', async () => {
    let help = '';
    const code = await main(['--help'], { cwd: repoRoot, stdout: (text) => (help += text), stderr: () => undefined });
    expect(code).toBe(0);
    for (const folder of commandFolders) expect(help).toMatch(new RegExp(`^\\s+${folder}\\b`, 'm'));
  });
});
