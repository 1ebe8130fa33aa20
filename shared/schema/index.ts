export * from './common.js';
export * from './settings.js';
export * from './entities.js';
export * from './dataset.js';
