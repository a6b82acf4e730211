/**
 * The index snapshot as a module. wrangler.toml's [alias] maps this name to
 * dist/worker/snapshot.json, which the bundler embeds as data; declaring it here keeps the type
 * check independent of that generated file. Its shape is checked at run time (parseSnapshot).
 */
declare module 'report-chat-snapshot' {
  const snapshot: unknown;
  export default snapshot;
}
