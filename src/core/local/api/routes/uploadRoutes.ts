// The upload endpoints of sentry-cli 2.x/3.x and the bundler plugins: chunk-upload options (GET) and chunks (POST,
// multipart, gzip per chunk), and artifact-bundle assembly, which answers `not_found` with the chunks it still needs
// until it has them all, then `ok` once the bundle's source maps are indexed for symbolication.
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { UPLOAD_LIMITS, type ArtifactBundles } from '../../uploads/artifactBundles';
import { boundaryOf, multipartFiles } from '../../uploads/multipartFiles';
import { AnswerNow, detail, json } from '../apiAnswer';
import type { ApiRequest } from '../apiRequest';
import { parseBody } from '../releaseChange';
import type { Route, RouteAnswer } from '../route';
import { requireOrganization } from './lookup';

const sha1Text = z.string().regex(/^[0-9a-fA-F]{40}$/);
const assembleSchema = z.looseObject({
  checksum: sha1Text,
  chunks: z.array(sha1Text).max(UPLOAD_LIMITS.maxBundleBytes / 1024),
  projects: z.array(z.string()).optional(),
  version: z.string().optional(),
  dist: z.string().optional(),
});

function uploadsOf(request: ApiRequest): ArtifactBundles {
  requireOrganization(request);
  if (request.uploads === undefined) throw new AnswerNow(detail(404, 'This server does not accept uploads.'));
  return request.uploads;
}

const options: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/chunk-upload/',
  handle: (request) => {
    uploadsOf(request);
    return json({
      url: `${request.origin}/api/0/organizations/local/chunk-upload/`,
      chunkSize: UPLOAD_LIMITS.chunkSize,
      chunksPerRequest: UPLOAD_LIMITS.chunksPerRequest,
      maxFileSize: UPLOAD_LIMITS.maxBundleBytes,
      maxRequestSize: UPLOAD_LIMITS.maxRequestSize,
      concurrency: 1,
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
      // sentry-cli 2.x takes the chunked path only with `release_files`, and then uploads artifact bundles, the only
      // kind kept here; debug files are not.
      accept: ['release_files', 'artifact_bundles', 'artifact_bundles_v2'],
    });
  },
};

const chunks: Route = {
  method: 'POST',
  pattern: '/api/0/organizations/:org/chunk-upload/',
  body: { kind: 'bytes', maxBytes: UPLOAD_LIMITS.maxRequestSize + 1024 * 1024 },
  handle: (request): RouteAnswer => {
    const uploads = uploadsOf(request);
    const boundary = boundaryOf(request.contentType);
    if (boundary === undefined || request.bytes === undefined)
      throw new AnswerNow(detail(400, 'Expected a multipart/form-data body of chunks.'));
    for (const file of multipartFiles(request.bytes, boundary)) {
      let data: Buffer;
      try {
        data =
          file.field === 'file_gzip' ? gunzipSync(file.data, { maxOutputLength: UPLOAD_LIMITS.chunkSize }) : file.data;
      } catch {
        throw new AnswerNow(detail(400, `Chunk ${file.filename.slice(0, 40)} is not valid gzip.`));
      }
      if (!uploads.addChunk(file.filename, data))
        throw new AnswerNow(
          detail(
            400,
            `Chunk ${file.filename.slice(0, 40)} does not match its checksum, or too many chunks are waiting for assembly.`,
          ),
        );
    }
    return { status: 200, body: undefined };
  },
};

const assemble: Route = {
  method: 'POST',
  pattern: '/api/0/organizations/:org/artifactbundle/assemble/',
  handle: async (request) => {
    const uploads = uploadsOf(request);
    const body = parseBody(assembleSchema, request.body);
    const result = await uploads.assemble(body.checksum, body.chunks);
    switch (result.state) {
      case 'not_found':
        return json({ state: 'not_found', missingChunks: result.missingChunks, detail: null });
      case 'error':
        return json({ state: 'error', missingChunks: [], detail: result.detail });
      default:
        return json({ state: 'ok', missingChunks: [], detail: null });
    }
  },
};

export const uploadRoutes: readonly Route[] = [options, chunks, assemble];
