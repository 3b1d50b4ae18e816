import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { Event, EventKind } from '@mangfold/calendar';
import { audit } from '@mangfold/db';
import { BadUserInputError, NotFoundError, decodeCursor, toConnection, type Connection, type LoaderFactory } from '@mangfold/graphql';
import type { AdviceItemInput, MaterialInput, SpeakerInput } from './inputs/seminar-package.inputs';
import { requiredText } from './localized';
import { AdviceItem, EventSpeaker, Material, Speaker } from './seminar-package.entities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Files TFI may keep for the seminar package, and how large. */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export const MATERIAL_CONTENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
};

/** The first bytes each kept type starts with, so a file is what it claims to be. */
function looksLike(contentType: string, bytes: Buffer): boolean {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  switch (contentType) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46);
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return starts(0x50, 0x4b, 0x03, 0x04);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'text/plain':
      return !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
    default:
      return false;
  }
}

/** The rows after a (createdAt, id) cursor. */
function page(after: string | null | undefined): Record<string, unknown> {
  if (!after) return {};
  const [createdAt, id] = decodeCursor(after, ['instant', 'id']);
  return { $or: [{ createdAt: { $gt: createdAt } }, { createdAt, id: { $gt: id } }] };
}

@Injectable()
export class SeminarPackageService {
  constructor(private readonly em: EntityManager) {}

  // --- speakers ---------------------------------------------------------------------------

  async speakers(first: number, after?: string | null): Promise<Connection<Speaker>> {
    const [rows, totalCount] = await Promise.all([
      this.em.find(Speaker, page(after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(Speaker, {}),
    ]);
    return toConnection(rows, first, (s) => [s.createdAt.toISOString(), s.id], !!after, totalCount);
  }

  async saveSpeaker(user: AuthUser, id: string | null, input: SpeakerInput): Promise<Speaker> {
    return this.em.transactional(async (em) => {
      const speaker = id ? await this.load(em, Speaker, id, 'The speaker') : em.create(Speaker, { name: input.name });
      speaker.name = input.name;
      speaker.organisation = input.organisation ?? null;
      speaker.topics = [...new Set(input.topics.map((t) => t.trim()).filter(Boolean))];
      speaker.contactEmail = input.contactEmail ?? null;
      speaker.contactPhone = input.contactPhone ?? null;
      audit(em, { actorId: user.id, action: id ? 'speaker.updated' : 'speaker.created', entityType: 'Speaker', entityId: speaker.id });
      return speaker;
    });
  }

  /** Links a speaker to a seminar or network meeting (or unlinks). */
  async linkSpeaker(user: AuthUser, eventId: string, speakerId: string, linked: boolean): Promise<Speaker> {
    return this.em.transactional(async (em) => {
      const speaker = await this.load(em, Speaker, speakerId, 'The speaker');
      const event = await this.load(em, Event, eventId, 'The event');
      if (event.kind !== EventKind.SEMINAR && event.kind !== EventKind.NETWORK_MEETING) {
        throw BadUserInputError.field('eventId', 'speakers belong to seminars and network meetings');
      }
      const existing = await em.findOne(EventSpeaker, { event, speaker });
      if (linked && !existing) em.create(EventSpeaker, { event, speaker });
      if (!linked && existing) em.remove(existing);
      audit(em, {
        actorId: user.id,
        action: linked ? 'speaker.linked' : 'speaker.unlinked',
        entityType: 'Speaker',
        entityId: speaker.id,
        changes: { eventId: event.id },
      });
      return speaker;
    });
  }

  readonly speakersByEvent: LoaderFactory<string, Speaker[]> = () =>
    new DataLoader<string, Speaker[]>(async (ids) => {
      const rows = await this.em.find(EventSpeaker, { event: { $in: [...ids] } }, { populate: ['speaker'], orderBy: { createdAt: 'asc' } });
      const byEvent = new Map<string, Speaker[]>(ids.map((id) => [id, []]));
      for (const r of rows) byEvent.get(r.event.id)?.push(r.speaker);
      return ids.map((id) => byEvent.get(id)!);
    });

  /** Contact details are for members and admins; anonymous callers see none. */
  static canSeeContact(user: AuthUser | undefined): boolean {
    return user?.role === Role.ADMIN || user?.role === Role.ASSOCIATION_MEMBER;
  }

  // --- materials ---------------------------------------------------------------------------

  /** Published materials; admins see every one. */
  async materials(user: AuthUser | undefined, first: number, after?: string | null): Promise<Connection<Material>> {
    const visible = user?.role === Role.ADMIN ? {} : { publishedAt: { $ne: null } };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Material, { $and: [page(after), visible] }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(Material, visible),
    ]);
    return toConnection(rows, first, (m) => [m.createdAt.toISOString(), m.id], !!after, totalCount);
  }

  async saveMaterial(user: AuthUser, id: string | null, input: MaterialInput): Promise<Material> {
    return this.em.transactional(async (em) => {
      const title = requiredText('title', input.title);
      const material = id ? await this.load(em, Material, id, 'The material') : em.create(Material, { title });
      material.title = title;
      material.url = input.url ?? null;
      material.event = input.eventId ? await this.load(em, Event, input.eventId, 'The event') : null;
      if (input.published && !material.url && !material.fileName) {
        throw BadUserInputError.field('published', 'give it a link, or upload its file first');
      }
      material.publishedAt = input.published ? (material.publishedAt ?? new Date()) : null;
      audit(em, { actorId: user.id, action: id ? 'material.updated' : 'material.created', entityType: 'Material', entityId: material.id });
      return material;
    });
  }

  /** Keeps an uploaded file after checking its size, type and first bytes. */
  async storeFile(user: AuthUser, id: string, upload: { fileName: string; contentType: string; bytes: Buffer }): Promise<Material> {
    const type = upload.contentType.split(';')[0].trim().toLowerCase();
    if (!(type in MATERIAL_CONTENT_TYPES)) {
      throw BadUserInputError.field('file', `must be one of: ${Object.values(MATERIAL_CONTENT_TYPES).join(', ')}`);
    }
    if (upload.bytes.length === 0) throw BadUserInputError.field('file', 'is empty');
    if (upload.bytes.length > MATERIAL_MAX_BYTES) throw BadUserInputError.field('file', `must be at most ${MATERIAL_MAX_BYTES} bytes`);
    if (!looksLike(type, upload.bytes)) throw BadUserInputError.field('file', `is not a ${MATERIAL_CONTENT_TYPES[type]} file`);
    const fileName = upload.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || `material.${MATERIAL_CONTENT_TYPES[type]}`;
    return this.em.transactional(async (em) => {
      const material = await this.load(em, Material, id, 'The material');
      Object.assign(material, { fileName, contentType: type, size: upload.bytes.length, content: upload.bytes });
      audit(em, {
        actorId: user.id,
        action: 'material.file-stored',
        entityType: 'Material',
        entityId: material.id,
        changes: { fileName, size: upload.bytes.length },
      });
      return material;
    });
  }

  /** A file to serve: published, or to an admin. */
  async file(user: AuthUser | undefined, id: string): Promise<Material> {
    const material = UUID.test(id) ? await this.em.findOne(Material, { id: id.toLowerCase() }, { populate: ['content'] }) : null;
    if (!material || !material.content || (!material.publishedAt && user?.role !== Role.ADMIN)) throw new NotFoundError('The file');
    return material;
  }

  readonly materialsByEvent: LoaderFactory<string, Material[]> = () =>
    new DataLoader<string, Material[]>(async (ids) => {
      const rows = await this.em.find(
        Material,
        { event: { $in: [...ids] }, publishedAt: { $ne: null } },
        { orderBy: { createdAt: 'asc' } },
      );
      const byEvent = new Map<string, Material[]>(ids.map((id) => [id, []]));
      for (const r of rows) if (r.event) byEvent.get(r.event.id)?.push(r);
      return ids.map((id) => byEvent.get(id)!);
    });

  // --- good advice and pitfalls -----------------------------------------------------------

  /** The published catalogue in list order; admins see drafts too. */
  async adviceItems(user: AuthUser | undefined, first: number, after?: string | null): Promise<Connection<AdviceItem>> {
    const cursor = after ? decodeCursor(after, ['position', 'id']) : null;
    const visible = user?.role === Role.ADMIN ? {} : { publishedAt: { $ne: null } };
    const where = {
      $and: [
        visible,
        cursor ? { $or: [{ sortOrder: { $gt: Number(cursor[0]) } }, { sortOrder: Number(cursor[0]), id: { $gt: cursor[1] } }] } : {},
      ],
    };
    const [rows, totalCount] = await Promise.all([
      this.em.find(AdviceItem, where, { orderBy: { sortOrder: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(AdviceItem, visible),
    ]);
    return toConnection(rows, first, (a) => [a.sortOrder, a.id], !!after, totalCount);
  }

  async saveAdviceItem(user: AuthUser, id: string | null, input: AdviceItemInput): Promise<AdviceItem> {
    const title = requiredText('title', input.title);
    const body = requiredText('body', input.body, 5000);
    return this.em.transactional(async (em) => {
      let item: AdviceItem;
      if (id) item = await this.load(em, AdviceItem, id, 'The item');
      else {
        const [last] = await em.find(AdviceItem, {}, { orderBy: { sortOrder: 'desc' }, limit: 1 });
        item = em.create(AdviceItem, { kind: input.kind, title, body, sortOrder: (last?.sortOrder ?? -1) + 1 });
      }
      Object.assign(item, { kind: input.kind, title, body, publishedAt: input.published ? (item.publishedAt ?? new Date()) : null });
      audit(em, { actorId: user.id, action: id ? 'advice.updated' : 'advice.created', entityType: 'AdviceItem', entityId: item.id });
      return item;
    });
  }

  private async load<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, id: string, what: string): Promise<T> {
    const row: T | null = UUID.test(id) ? await em.findOne(entity, { id: id.toLowerCase() } as FilterQuery<T>) : null;
    if (!row) throw new NotFoundError(what);
    return row;
  }
}
