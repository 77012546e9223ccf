export * from './messages';
export * from './awareness-identity';
export * from './document-room';
export * from './room-registry';
