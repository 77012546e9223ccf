import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { templateDocument } from '@spiraal/collab';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  isUuid,
  TEMPLATE_LIMITS,
  validateTemplate,
  type ItemKind,
  type TemplateDefinition,
} from '@spiraal/domain';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/errors';
import type { AuthUser } from '../common/request-context';
import { TemplateEntity } from '../database/entities/template.entity';
import type { TemplateType } from './template.types';

/** A template as the API returns it, with its prompts and starting document worked out. */
export function templateView(template: TemplateDefinition, builtIn: boolean): TemplateType {
  const { doc, prompts } = templateDocument(template.body);
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    kind: template.kind,
    body: template.body,
    builtIn,
    prompts,
    document: JSON.stringify(doc),
  };
}

/**
 * Templates: the built-in ones (libs/domain/src/templates.ts) and those a
 * community's facilitators write. Members read and use them; facilitators
 * write, change and archive them, each change in the audit log
 * (docs/templates.md).
 */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, communityId: string): Promise<TemplateType[]> {
    await this.access.toCommunity(user, communityId, 'community.read');
    const own = await this.db.getRepository(TemplateEntity).find({
      where: { communityId, archivedAt: IsNull() },
      order: { name: 'ASC' },
    });
    return [...BUILT_IN_TEMPLATES.map((t) => templateView(t, true)), ...own.map((t) => templateView(t, false))];
  }

  /**
   * The template an item in the community starts from: a built-in one, or
   * one of the community's own that is not archived. Undefined ids are bad input.
   */
  async forItem(communityId: string, id: string, kind: ItemKind): Promise<TemplateDefinition> {
    const template =
      builtInTemplate(id) ??
      (isUuid(id)
        ? await this.db.getRepository(TemplateEntity).findOneBy({ id, communityId, archivedAt: IsNull() })
        : null);
    if (!template) throw badInput('Dit sjabloon bestaat niet (meer) / This template does not exist', 'templateId');
    if (template.kind !== kind)
      throw badInput(
        'Dit sjabloon hoort bij een andere soort item / This template belongs to another kind of item',
        'templateId',
      );
    return template;
  }

  async create(
    user: AuthUser,
    input: { communityId: string; kind: string; name: string; description?: string | null; body: string },
  ): Promise<TemplateType> {
    await this.access.toCommunity(user, input.communityId, 'template.manage');
    const fields = validateTemplate(input);
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(TemplateEntity);
      const count = await repo.countBy({ communityId: input.communityId, archivedAt: IsNull() });
      if (count >= TEMPLATE_LIMITS.perCommunityMax)
        throw badInput(
          `Hoogstens ${TEMPLATE_LIMITS.perCommunityMax} sjablonen per leernetwerk / At most ${TEMPLATE_LIMITS.perCommunityMax} templates per community`,
        );
      const saved = await repo.save({
        ...fields,
        communityId: input.communityId,
        createdBy: user.id,
        updatedAt: new Date(),
        archivedAt: null,
      });
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: 'template.create',
        targetId: saved.id,
        details: { name: fields.name },
      });
      return templateView(saved, false);
    });
  }

  async update(
    user: AuthUser,
    input: {
      id: string;
      kind?: string | null;
      name?: string | null;
      description?: string | null;
      body?: string | null;
    },
  ): Promise<TemplateType> {
    const template = await this.own(user, input.id);
    const fields = validateTemplate({
      kind: input.kind ?? template.kind,
      name: input.name ?? template.name,
      description: input.description ?? template.description,
      body: input.body ?? template.body,
    });
    return this.db.transaction(async (tx) => {
      await tx.getRepository(TemplateEntity).update({ id: template.id }, { ...fields, updatedAt: new Date() });
      await this.audit.record(tx, {
        communityId: template.communityId,
        actorId: user.id,
        action: 'template.update',
        targetId: template.id,
        details: { name: fields.name },
      });
      return templateView(await tx.getRepository(TemplateEntity).findOneByOrFail({ id: template.id }), false);
    });
  }

  async archive(user: AuthUser, id: string): Promise<TemplateType> {
    const template = await this.own(user, id);
    return this.db.transaction(async (tx) => {
      await tx.getRepository(TemplateEntity).update({ id }, { archivedAt: new Date() });
      await this.audit.record(tx, {
        communityId: template.communityId,
        actorId: user.id,
        action: 'template.archive',
        targetId: id,
        details: { name: template.name },
      });
      return templateView(template, false);
    });
  }

  /** A community's own template that the user may manage; built-in ones are never changed. */
  private async own(user: AuthUser, id: string): Promise<TemplateEntity> {
    if (builtInTemplate(id))
      throw badInput(
        'Een ingebouwd sjabloon kun je niet wijzigen; maak een eigen sjabloon / Built-in templates cannot be changed',
        'id',
      );
    const template = isUuid(id)
      ? await this.db.getRepository(TemplateEntity).findOneBy({ id, archivedAt: IsNull() })
      : null;
    if (!template) throw notFound('Dit sjabloon');
    await this.access.toCommunity(user, template.communityId, 'template.manage', {}, 'Dit sjabloon');
    return template;
  }
}
