import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { SpiralService } from './spiral.service';
import { SpiralReportType } from './spiral.types';

@Resolver(() => SpiralReportType)
export class SpiralResolver {
  constructor(private readonly service: SpiralService) {}

  @Query(() => SpiralReportType, {
    description: 'The kennisspiraal of a community over a period (default: the last twelve months)',
  })
  spiral(
    @Viewer() viewer: AuthUser,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
  ): Promise<SpiralReportType> {
    return this.service.report(viewer, communityId, from, to);
  }
}
