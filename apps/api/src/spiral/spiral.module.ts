import { Module } from '@nestjs/common';
import { PrivacyModule } from '../privacy/privacy.module';
import { SpiralResolver } from './spiral.resolver';
import { SpiralService } from './spiral.service';
import { AccessModule } from '../access/access.module';

@Module({ imports: [AccessModule, PrivacyModule], providers: [SpiralService, SpiralResolver] })
export class SpiralModule {}
