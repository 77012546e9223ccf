export * from './text';
export * from './typo';
export * from './synonyms.nl';
export * from './query';
export * from './highlight';
export * from './passages';
