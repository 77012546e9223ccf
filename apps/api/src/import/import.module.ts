import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ImportLedger } from './import-ledger';
import { ImportService } from './import.service';

@Module({ imports: [ItemsModule], providers: [ImportService, ImportLedger], exports: [ImportService, ImportLedger] })
export class ImportModule {}
