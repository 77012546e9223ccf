import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ItemKind } from '@spiraal/domain';
import { ItemKindEnum } from '../common/enums';

@ObjectType('TemplatePrompt', {
  description: 'Hulpvraag: the placeholder shown in the empty paragraph under a heading (never stored as text)',
})
export class TemplatePromptType {
  @Field(() => String, { description: 'The heading, lower-cased; empty for the paragraph before the first heading' })
  heading!: string;
  @Field(() => String) prompt!: string;
}

@ObjectType('Template', { description: 'Sjabloon: a starting point for new items, built in or the community’s own' })
export class TemplateType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => ItemKindEnum, { description: 'The kind of item made from it' }) kind!: ItemKind;
  @Field(() => String, { description: 'Markdown: headings, with the prompt under each as its placeholder' })
  body!: string;
  @Field(() => Boolean, { description: 'Comes with Spiraal; cannot be changed or archived' }) builtIn!: boolean;
  @Field(() => [TemplatePromptType], { description: 'The prompts per heading, as the editor shows them' })
  prompts!: TemplatePromptType[];
  @Field(() => String, {
    description: 'The document an item starts with (ProseMirror JSON): headings and empty paragraphs, no prompts',
  })
  document!: string;
}

@InputType('CreateTemplateInput')
export class CreateTemplateInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ItemKindEnum) kind!: ItemKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, {
    description: 'Markdown: ## headings, the prompt as a paragraph under each; at most 20 000 characters',
  })
  body!: string;
}

@InputType('UpdateTemplateInput')
export class UpdateTemplateInput {
  @Field(() => ID) id!: string;
  @Field(() => ItemKindEnum, { nullable: true }) kind?: ItemKind | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
}
