// Jest global setup: builds the bundle once so that scenario tests load the same dist/ that clasp pushes.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function buildBundleOnce() {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.config.cjs'], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
