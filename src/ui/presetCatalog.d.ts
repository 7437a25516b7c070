// The presets' catalogue, modules made at build time by src/scenarios/catalogPlugin.ts.
declare module 'virtual:preset-catalog' {
  const catalog: import('../scenarios/catalog').PresetCatalog;
  export default catalog;
}

declare module 'virtual:preset-descriptions' {
  const descriptions: Record<string, string>;
  export default descriptions;
}
