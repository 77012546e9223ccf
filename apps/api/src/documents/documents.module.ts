import { Global, Module } from '@nestjs/common';
import { DocumentStore } from './document.store';

@Global()
@Module({ providers: [DocumentStore], exports: [DocumentStore] })
export class DocumentsModule {}
