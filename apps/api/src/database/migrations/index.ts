import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { Collaboration1763800000000 } from './1763800000000-collaboration';
import { Search1763900000000 } from './1763900000000-search';
import { Spiral1764000000000 } from './1764000000000-spiral';
import { Security1764100000000 } from './1764100000000-security';
import { ItemImports1764250000000 } from './1764250000000-item-imports';
import { SearchSynonyms1765000000000 } from './1765000000000-search-synonyms';
import { Privacy1765100000000 } from './1765100000000-privacy';
import { MailOutbox1765200000000 } from './1765200000000-mail-outbox';
import { Notifications1765200000001 } from './1765200000001-notifications';
import { Invitations1765300000000 } from './1765300000000-invitations';
import { TagSpellings1765500000000 } from './1765500000000-tag-spellings';
import { PasswordResets1765500000001 } from './1765500000001-password-resets';
import { ListedCommunities1765500000002 } from './1765500000002-listed-communities';
import { CommentThreads1766000000000 } from './1766000000000-comment-threads';
import { Proposals1766100000000 } from './1766100000000-proposals';
import { Templates1766200000000 } from './1766200000000-templates';
import { Files1766300000000 } from './1766300000000-files';
import { EmailVerification1766500000000 } from './1766500000000-email-verification';
import { SearchPassageLengths1766600000000 } from './1766600000000-search-passage-lengths';
import { SearchChanges1766700000000 } from './1766700000000-search-changes';

/** Every migration, in order. Listed explicitly so source and build behave the same. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  Collaboration1763800000000,
  Search1763900000000,
  Spiral1764000000000,
  Security1764100000000,
  ItemImports1764250000000,
  SearchSynonyms1765000000000,
  Privacy1765100000000,
  MailOutbox1765200000000,
  Notifications1765200000001,
  Invitations1765300000000,
  TagSpellings1765500000000,
  PasswordResets1765500000001,
  ListedCommunities1765500000002,
  CommentThreads1766000000000,
  Proposals1766100000000,
  Templates1766200000000,
  Files1766300000000,
  EmailVerification1766500000000,
  SearchPassageLengths1766600000000,
  SearchChanges1766700000000,
];
