export * from './messages';
export * from './awareness-identity';
export * from './document-room';
export * from './room-registry';
export * from './update-inspection';
