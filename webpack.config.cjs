// Build: src/main.ts → dist/Code.js (a plain ES2019 script for Apps Script), plus the manifest and the sidebar HTML.
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');
const webpack = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const TARGET = 'es2019';

/** Compiles the sidebar's TypeScript and inlines it (with its CSS) into one HTML file, as HtmlService serves one file. */
class SidebarHtmlPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SidebarHtmlPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SidebarHtmlPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const uiDir = path.join(__dirname, 'src/ui');
          const script = esbuild.buildSync({
            entryPoints: [path.join(uiDir, 'sidebar.ts')],
            bundle: true,
            format: 'iife',
            target: TARGET,
            minify: true,
            write: false,
          }).outputFiles[0].text;
          const css = fs.readFileSync(path.join(uiDir, 'sidebar.css'), 'utf8');
          const html = fs
            .readFileSync(path.join(uiDir, 'sidebar.html'), 'utf8')
            .replace('/*SIDEBAR_CSS*/', () => css)
            .replace('/*SIDEBAR_SCRIPT*/', () => script.replace(/<\/script/gi, '<\\/script'));
          compilation.emitAsset('Sidebar.html', new compiler.webpack.sources.RawSource(html));
          for (const file of ['sidebar.ts', 'sidebar.css', 'sidebar.html']) {
            compilation.fileDependencies.add(path.join(uiDir, file));
          }
        },
      );
    });
  }
}

/**
 * Apps Script's V8 has `globalThis`; webpack's generic global-object lookup also probes `window`, a name that does
 * not exist there. This replaces that lookup with `globalThis` (the bail stops webpack adding its own).
 */
class GlobalThisRuntimePlugin {
  apply(compiler) {
    const { RuntimeGlobals, RuntimeModule } = compiler.webpack;
    class GlobalThisRuntimeModule extends RuntimeModule {
      constructor() {
        super('global');
      }
      generate() {
        return `${RuntimeGlobals.global} = globalThis;`;
      }
    }
    compiler.hooks.thisCompilation.tap('GlobalThisRuntimePlugin', (compilation) => {
      compilation.hooks.runtimeRequirementInTree.for(RuntimeGlobals.global).tap({ name: 'GlobalThisRuntimePlugin', stage: -100 }, (chunk) => {
        compilation.addRuntimeModule(chunk, new GlobalThisRuntimeModule());
        return true;
      });
    });
  }
}

module.exports = {
  mode: 'production',
  devtool: false,
  context: __dirname,
  entry: './src/main.ts',
  output: {
    path: path.join(__dirname, 'dist'),
    filename: 'Code.js',
    clean: true,
    environment: { arrowFunction: true, const: true, destructuring: true },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: TARGET } }],
  },
  // Not minified: a minifier drops the entry-point stubs that gas-webpack-plugin writes (they look unused), and
  // readable code keeps Apps Script's execution log and editor useful.
  optimization: { minimize: false },
  plugins: [
    new GasPlugin({ comment: false }),
    new GlobalThisRuntimePlugin(),
    // The version the add-on reports is package.json's, written in at build time.
    new webpack.DefinePlugin({ BUILD_VERSION: JSON.stringify(require('./package.json').version) }),
    new CopyPlugin({ patterns: [{ from: 'appsscript.json', to: 'appsscript.json' }] }),
    new SidebarHtmlPlugin(),
  ],
  performance: { hints: false },
};
