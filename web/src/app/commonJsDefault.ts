/**
 * antd ships some files as CommonJS with an `exports.default` (its locales; its `es/` components as
 * TypeScript's NodeNext sees them): bundlers hand over the value itself, TypeScript types the module
 * object. Accepts both and returns the value.
 */
export function commonJsDefault<T>(module: unknown): T {
  const value = module as T & { default?: T };
  return value.default ?? value;
}
