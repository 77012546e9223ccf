import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../common/request-context';
import { Viewer } from '../common/request-context';
import { SearchService } from './search.service';
import { SearchInput, SearchResult } from './search.types';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchResult, {
    description: 'Search what the network already knows: every community you may read, unless narrowed',
  })
  search(@Viewer() viewer: AuthUser, @Args('input') input: SearchInput): Promise<SearchResult> {
    return this.service.search(viewer, input);
  }
}
