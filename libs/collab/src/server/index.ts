export * from './messages';
export * from './awareness-identity';
export * from './document-room';
export * from './room-registry';
export * from './update-inspection';
export * from './relay-messages';
export * from './room-relay';
