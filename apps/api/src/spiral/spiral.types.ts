import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Perspective, SeciStage } from '@spiraal/domain';
import { PerspectiveEnum, SeciStageEnum } from '../common/enums';
import { ItemType } from '../items/item.types';

@ObjectType('StageCount')
export class StageCountType {
  @Field(() => SeciStageEnum) stage!: SeciStage;
  @Field(() => Int) count!: number;
}

@ObjectType('StageTransition', { description: 'Moves of knowledge from one stage to another in a month' })
export class StageTransitionType {
  @Field(() => String, { description: 'The month, as 2026-11' }) month!: string;
  @Field(() => SeciStageEnum) from!: SeciStage;
  @Field(() => SeciStageEnum) to!: SeciStage;
  @Field(() => Int) count!: number;
}

@ObjectType('SpiralFlow', { description: 'One turn of the spiral: sources → guideline → applications' })
export class SpiralFlowType {
  @Field(() => ItemType) guideline!: ItemType;
  @Field(() => [ItemType]) sources!: ItemType[];
  @Field(() => [ItemType]) applications!: ItemType[];
}

@ObjectType('PerspectiveContribution', {
  description: 'What members of one perspective contributed (no people, no ranking)',
})
export class PerspectiveContributionType {
  @Field(() => PerspectiveEnum) perspective!: Perspective;
  @Field(() => Int) members!: number;
  @Field(() => Int) items!: number;
  @Field(() => Int) comments!: number;
  @Field(() => Int) reflections!: number;
}

@ObjectType('SpiralSignal', { description: 'Where the spiral may stall, as a question to the network' })
export class SpiralSignalType {
  @Field(() => String, {
    description:
      'CASES_NOT_COMBINED, GUIDELINES_NOT_TRIED, REFLECTIONS_NOT_DISCUSSED, REVIEW_DATES_PASSED, MISSING_PERSPECTIVES or PRIVACY_ATTENTION (facilitators)',
  })
  code!: string;
  @Field(() => String) question!: string;
  @Field(() => [ItemType]) items!: ItemType[];
  @Field(() => [PerspectiveEnum]) perspectives!: Perspective[];
}

@ObjectType('SpiralReport', { description: 'A mirror of how knowledge moves in a community: never a score' })
export class SpiralReportType {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => [StageCountType], { description: 'Items per stage now' }) stageCounts!: StageCountType[];
  @Field(() => [StageTransitionType]) transitions!: StageTransitionType[];
  @Field(() => [SpiralFlowType]) flows!: SpiralFlowType[];
  @Field(() => [PerspectiveContributionType]) contributions!: PerspectiveContributionType[];
  @Field(() => [SpiralSignalType]) signals!: SpiralSignalType[];
}
