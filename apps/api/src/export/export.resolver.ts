import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { ExportService } from './export.service';
import { ItemExportType } from './export.types';

@Resolver()
export class ExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Query(() => ItemExportType, {
    description: 'Downloaden als Markdown: the item with its front matter, for anyone who may read it',
  })
  exportItem(@Viewer() viewer: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ItemExportType> {
    return this.exports.item(viewer, id);
  }
}
