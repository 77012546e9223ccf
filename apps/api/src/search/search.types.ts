import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { ItemKind, SeciStage } from '@spiraal/domain';
import { ItemKindEnum, SeciStageEnum } from '../common/enums';
import { ItemType } from '../items/item.types';

@InputType('SearchInput')
export class SearchInput {
  @Field(() => String, { description: 'What to look for; the last word may be half typed. At most 500 characters.' })
  query!: string;
  @Field(() => [ID], { nullable: true, description: 'Only these communities (default: every community you may read)' })
  communityIds?: string[] | null;
  @Field(() => [ItemKindEnum], { nullable: true }) kinds?: ItemKind[] | null;
  @Field(() => [SeciStageEnum], { nullable: true }) stages?: SeciStage[] | null;
  @Field(() => [String], { nullable: true, description: 'Items with all of these tags' }) tags?: string[] | null;
  @Field(() => Int, { nullable: true, description: '1 to 100, default 20' }) limit?: number | null;
  @Field(() => Int, { nullable: true, description: '0 to 1000, default 0' }) offset?: number | null;
}

@ObjectType('SearchHighlights', {
  description: 'HTML in which only `<mark>` occurs: matched words marked, everything else escaped',
})
export class SearchHighlights {
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'A snippet of the body around the matched words' }) text!: string;
}

@ObjectType('SearchHit')
export class SearchHit {
  @Field(() => ItemType) item!: ItemType;
  @Field(() => Float) score!: number;
  @Field(() => SearchHighlights) highlights!: SearchHighlights;
}

@ObjectType('FacetCount')
export class FacetCount {
  @Field(() => String) value!: string;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true, description: "A readable name where the value is an id (a community's name)" })
  label?: string | null;
}

@ObjectType('SearchFacets', {
  description: "Counts per value; each facet ignores its own filter, so a chosen value's alternatives stay visible",
})
export class SearchFacets {
  @Field(() => [FacetCount]) stages!: FacetCount[];
  @Field(() => [FacetCount]) kinds!: FacetCount[];
  @Field(() => [FacetCount]) tags!: FacetCount[];
  @Field(() => [FacetCount]) communities!: FacetCount[];
}

@ObjectType('SearchResult')
export class SearchResult {
  @Field(() => Int) totalHits!: number;
  @Field(() => Float, { description: 'How long the search took on the server, in milliseconds' }) tookMs!: number;
  @Field(() => String, { description: 'The engine that answered: postgresql or meilisearch' }) engine!: string;
  @Field(() => [SearchHit]) hits!: SearchHit[];
  @Field(() => SearchFacets) facets!: SearchFacets;
  @Field(() => [String], {
    description: 'Niet gevonden: words of the query that matched nothing you may read (stop words are never named)',
  })
  missingWords!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Bedoelde je …?: the query with typos corrected to words the network uses, when a typo was corrected',
  })
  didYouMean!: string | null;
  @Field(() => [String], {
    description: 'When nothing was found: the words closest to the query that occur in what you may read',
  })
  suggestions!: string[];
  @Field(() => Int, {
    description:
      'How many communities the search covered: 0 means there is nothing to search yet (communityDirectory lists communities to join)',
  })
  readableCommunities!: number;
}
