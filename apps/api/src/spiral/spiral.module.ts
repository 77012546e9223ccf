import { Module } from '@nestjs/common';
import { PrivacyModule } from '../privacy/privacy.module';
import { SpiralResolver } from './spiral.resolver';
import { SpiralService } from './spiral.service';

@Module({ imports: [PrivacyModule], providers: [SpiralService, SpiralResolver] })
export class SpiralModule {}
