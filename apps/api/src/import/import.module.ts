import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ImportLedger } from './import-ledger';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';

@Module({ imports: [ItemsModule], providers: [ImportService, ImportLedger, ImportResolver], exports: [ImportService, ImportLedger] })
export class ImportModule {}
