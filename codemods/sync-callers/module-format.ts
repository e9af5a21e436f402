// ts-morph does not tell TypeScript whether a file is an ES module or
// CommonJS under `module: node16/nodenext` (dsherret/ts-morph#1446): every
// .ts and .js file counts as CommonJS, whatever package.json's `type` says.
// Setting each file's format as TypeScript's own program would restores it:
// imports of ESM-only packages resolve, and `import.meta` type-checks.

import { ts, type Project } from 'ts-morph';

export function setModuleFormats(project: Project): void {
  const options = project.getCompilerOptions();
  const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, options).getPackageJsonInfoCache();
  for (const sourceFile of project.getSourceFiles()) {
    const node = sourceFile.compilerNode as ts.SourceFile & { impliedNodeFormat?: ts.ResolutionMode };
    if (node.impliedNodeFormat !== undefined) continue;
    node.impliedNodeFormat = ts.getImpliedNodeFormatForFile(sourceFile.getFilePath(), cache, ts.sys, options);
  }
}
