import { Module } from '@nestjs/common';
import { SpiralResolver } from './spiral.resolver';
import { SpiralService } from './spiral.service';
import { AccessModule } from '../access/access.module';

@Module({ imports: [AccessModule], providers: [SpiralService, SpiralResolver] })
export class SpiralModule {}
