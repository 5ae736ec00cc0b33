// Jest global setup: builds the bundle once so that scenario tests load the same dist/ that clasp pushes.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildBundleOnce() {
  // Under mutation testing, Stryker's build command has already built the bundle from the mutated sources.
  if (process.env.SKIP_BUILD === '1' || process.env.STRYKER_MUTATOR_WORKER !== undefined) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.config.cjs'], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
