// Imported first by benchmarks that load the project's modules under plain Node: Node strips
// the TypeScript types, but the project's own imports have no ".ts" extension, so this resolve
// hook retries a relative import with one. (Load project modules with a dynamic import after it.)
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return next(`${specifier}.ts`, context);
      throw error;
    }
  },
});
