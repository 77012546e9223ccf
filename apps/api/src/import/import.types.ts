import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ItemKind, SeciStage } from '@spiraal/domain';
import { ItemKindEnum, SeciStageEnum } from '../common/enums';
import { ItemType } from '../items/item.types';

export enum ContentEncoding {
  UTF8 = 'UTF8',
  BASE64 = 'BASE64',
}

export enum ImportStatus {
  IMPORTED = 'IMPORTED',
  SKIPPED = 'SKIPPED',
}

registerEnumType(ContentEncoding, {
  name: 'ContentEncoding',
  description: 'UTF8: `content` is the text; BASE64: the file’s bytes, so the server detects the encoding',
});
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'IMPORTED: new items; SKIPPED: this content was imported before (its items are returned)',
});

@InputType('ImportDocumentInput')
export class ImportDocumentInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ItemKindEnum, {
    nullable: true,
    description: 'Kind of the new items unless the file’s front matter names one; NOTE when absent',
  })
  kind?: ItemKind | null;
  @Field(() => String, {
    description: 'The file’s name; its extension says the format (.md, .txt, .html), else the content does',
  })
  filename!: string;
  @Field(() => String, { description: 'Markdown, plain text or HTML; at most 3 MB (as bytes)' }) content!: string;
  @Field(() => ContentEncoding, { nullable: true, defaultValue: ContentEncoding.UTF8 })
  contentEncoding?: ContentEncoding | null;
  @Field(() => SeciStageEnum, {
    nullable: true,
    description: 'Defaults to the front matter’s stage, else the kind’s usual stage',
  })
  stage?: SeciStage | null;
  @Field(() => [String], { nullable: true, description: 'Added to the tags in the front matter' }) tags?:
    string[] | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'One item per top-level heading' })
  splitHeadings?: boolean | null;
}

@ObjectType('ImportResult')
export class ImportResultType {
  @Field(() => String) filename!: string;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => String, { nullable: true, description: 'Why it was skipped' }) reason!: string | null;
  @Field(() => String, { description: 'markdown, text or html' }) format!: string;
  @Field(() => String, { description: 'The character encoding the file was read in' }) encoding!: string;
  @Field(() => [ItemType], { description: 'The items made from the file (or made earlier, when skipped)' })
  items!: ItemType[];
}
