/** The package version, reported in `plugin.meta`. A meta-test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
