export * from './knowledge';
export * from './community';
export * from './permissions';
export * from './validation';
export * from './templates';
export * from './links';
export * from './presence';
export * from './spiral';
