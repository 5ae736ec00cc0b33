// Jest transformer: compiles TypeScript test and source files to CommonJS with the project's esbuild.
const { transformSync } = require('esbuild');

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: sourcePath,
    });
    return { code, map };
  },
};
