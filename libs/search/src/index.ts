export * from './text';
export * from './typo';
export * from './synonyms.nl';
export * from './stopwords.nl';
export * from './compounds';
export * from './query';
export * from './highlight';
export * from './passages';
