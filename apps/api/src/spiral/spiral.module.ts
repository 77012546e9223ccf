import { Module } from '@nestjs/common';
import { SpiralResolver } from './spiral.resolver';
import { SpiralService } from './spiral.service';

@Module({ providers: [SpiralService, SpiralResolver] })
export class SpiralModule {}
