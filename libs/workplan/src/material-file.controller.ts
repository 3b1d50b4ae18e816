import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { Public } from '@mangfold/auth';
import { BadUserInputError } from '@mangfold/graphql';
import { MATERIAL_MAX_BYTES, SeminarPackageService } from './seminar-package.service';

/** Reads a request body up to `limit` bytes; more is refused without reading it all. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw BadUserInputError.field('file', `must be at most ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw BadUserInputError.field('file', `must be at most ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The seminar package's files: admins upload (raw body, Content-Type and X-File-Name), anyone downloads published ones. */
@Controller('materials')
export class MaterialFileController {
  constructor(private readonly service: SeminarPackageService) {}

  @Roles(Role.ADMIN)
  @Put(':id/file')
  async upload(@CurrentUser() user: AuthUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const bytes = await readBody(req, MATERIAL_MAX_BYTES);
    const fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    const material = await this.service.storeFile(user, id, { fileName, contentType: String(req.headers['content-type'] ?? ''), bytes });
    res.status(200).json({ id: material.id, fileName: material.fileName, contentType: material.contentType, size: material.size });
  }

  @Public()
  @Get(':id/file')
  async download(@CurrentUser() user: AuthUser | undefined, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const material = await this.service.file(user, id);
    const name = material.fileName ?? 'material';
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res
      .status(200)
      .setHeader('Content-Type', material.contentType ?? 'application/octet-stream')
      .setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
      .setHeader('Cache-Control', material.publishedAt ? 'public, max-age=300' : 'no-store')
      .send(material.content);
  }
}
