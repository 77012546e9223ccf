import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ImportLedger } from './import-ledger';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';
import { AccessModule } from '../access/access.module';

@Module({
  imports: [ItemsModule, AccessModule],
  providers: [ImportService, ImportLedger, ImportResolver],
  exports: [ImportService, ImportLedger],
})
export class ImportModule {}
