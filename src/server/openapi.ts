// The OpenAPI 3 description of the HTTP API, written by hand; served at GET /api/openapi.json.
import { VERSION } from '../version.js';

const str = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  description,
  ...extra,
});
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const filterParams = [
  q('actor', 'CAMEO actor code prefix on either side (source or target), e.g. SYR'),
  q('source', 'CAMEO actor code prefix of the source, e.g. RUSGOV'),
  q('target', 'CAMEO actor code prefix of the target'),
  q('code', 'CAMEO event code prefix, e.g. 19 or 0241', { type: 'string', pattern: '^\\d{1,4}$' }),
  q('root', 'CAMEO root code 1..20', { type: 'integer', minimum: 1, maximum: 20 }),
  q('plover', 'PLOVER event type, e.g. ASSAULT'),
  q('mode', 'event mode', {
    type: 'string',
    enum: ['actual', 'expected', 'intended', 'threatened', 'denied', 'hypothetical', 'requested'],
  }),
  q('from', 'first date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive', { type: 'string' }),
  q('to', 'last date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive', { type: 'string' }),
  q('country', "ISO 3166-1 alpha-2 country of the event's place", {
    type: 'string',
    pattern: '^[A-Za-z]{2}$',
  }),
  q('bbox', 'minLon,minLat,maxLon,maxLat of the event place', { type: 'string' }),
  q('q', 'full-text query over the article text: every word required'),
  q('article', 'only the events of this article id'),
];

const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const errors = { '400': error, '500': error };
const writeErrors = { ...errors, '401': error, '413': error, '415': error, '422': error };

const articleBody = {
  required: true,
  content: {
    'text/plain': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
    'application/json': { schema: { $ref: '#/components/schemas/ArticleInput' } },
  },
};
const articleQuery = [
  q('title', 'headline (text bodies)'),
  q('published', 'publication date YYYY-MM-DD (text bodies)'),
  q('url', 'source URL'),
  q('source', 'publisher'),
  q('id', 'the article id to store it under'),
];

export const openapi = {
  openapi: '3.0.3',
  info: {
    title: 'sitrep API',
    version: VERSION,
    description:
      'Analyse news articles into CAMEO/PLOVER-coded events and query the stored record. Write endpoints need ' +
      '`Authorization: Bearer <token>` when the server runs with SITREP_TOKEN set. Unknown query parameters are ' +
      'rejected with 400. Request bodies are limited in size (413).',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: str('what was wrong') } },
      ArticleInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          text: str('plain text of the article (give text or html)'),
          html: str('an HTML page or fragment; the article body is extracted'),
          title: str('headline'),
          published: str('publication date YYYY-MM-DD', { format: 'date' }),
          url: str('source URL'),
          source: str('publisher'),
          id: str('id to store the article under (POST /api/articles)'),
        },
      },
      Result: {
        type: 'object',
        description:
          'The analysis of one article (see docs/schema.md): text, sentences, paragraphs, entities, actors, ' +
          'places, times, events, quotes, figures, warnings; every annotation has {start,end} offsets into text.',
        required: ['id', 'text', 'events'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string', nullable: true },
          published: { type: 'string', nullable: true },
          text: { type: 'string' },
          events: { type: 'array', items: { type: 'object' } },
        },
        additionalProperties: true,
      },
      IngestOutcome: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          outcome: { type: 'string', enum: ['added', 'updated', 'unchanged', 'duplicate'] },
          events: { type: 'integer' },
        },
      },
      ArticleSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string', nullable: true },
          published: { type: 'string', nullable: true },
          source: { type: 'string', nullable: true },
          url: { type: 'string', nullable: true },
          events: { type: 'integer' },
        },
      },
      StoredEvent: {
        type: 'object',
        properties: Object.fromEntries(
          [
            ['article_id', 'string'],
            ['event_id', 'string'],
            ['code', 'string'],
            ['root', 'string'],
            ['quad', 'integer'],
            ['goldstein', 'number'],
            ['plover', 'string'],
            ['mode', 'string'],
            ['source_code', 'string'],
            ['source_text', 'string'],
            ['target_code', 'string'],
            ['target_text', 'string'],
            ['date', 'string'],
            ['date_precision', 'string'],
            ['place_name', 'string'],
            ['geonameid', 'integer'],
            ['country', 'string'],
            ['lat', 'number'],
            ['lon', 'number'],
            ['sentence', 'integer'],
            ['start', 'integer'],
            ['end', 'integer'],
            ['article_title', 'string'],
            ['article_url', 'string'],
          ].map(([k, t]) => [k, { type: t }]),
        ),
      },
    },
  },
  paths: {
    '/api/analyze': {
      post: {
        summary: 'Analyse one article; nothing is stored',
        security: [{ bearer: [] }, {}],
        parameters: articleQuery,
        requestBody: articleBody,
        responses: {
          '200': {
            description: 'the result',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Result' } } },
          },
          ...writeErrors,
        },
      },
    },
    '/api/articles': {
      post: {
        summary: 'Analyse and store one article (idempotent: the same text is stored once)',
        security: [{ bearer: [] }, {}],
        parameters: articleQuery,
        requestBody: articleBody,
        responses: {
          '201': {
            description: 'added',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestOutcome' } } },
          },
          '200': {
            description: 'already stored (unchanged / duplicate) or re-analysed (updated)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestOutcome' } } },
          },
          ...writeErrors,
        },
      },
      get: {
        summary: 'List or search stored articles',
        parameters: [
          q('q', 'full-text query (every word required), ranked'),
          q('limit', 'page size 1..1000 (default 50)', { type: 'integer', minimum: 1, maximum: 1000 }),
          q('offset', 'rows to skip', { type: 'integer', minimum: 0 }),
        ],
        responses: {
          '200': {
            description: 'a page of articles',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    total: { type: 'integer' },
                    limit: { type: 'integer' },
                    offset: { type: 'integer' },
                    items: { type: 'array', items: { $ref: '#/components/schemas/ArticleSummary' } },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One stored article with its full result',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'the result',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Result' } } },
          },
          '404': error,
          ...errors,
        },
      },
    },
    '/api/events': {
      get: {
        summary:
          'Coded events matching a filter: JSON pages (cursor), or exports: CSV (the JSON fields) or GDELT 2.0 event-table TSV (61 columns, no header line)',
        parameters: [
          ...filterParams,
          q('limit', 'JSON: page size 1..1000 (default 100); CSV/TSV: rows 1..100000 (default 10000)', {
            type: 'integer',
          }),
          q('cursor', 'the `next` value of the previous page'),
          q(
            'format',
            'output format; default from the Accept header (text/csv, text/tab-separated-values), else JSON',
            {
              type: 'string',
              enum: ['json', 'csv', 'gdelt'],
            },
          ),
        ],
        responses: {
          '200': {
            description: 'events',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: { type: 'array', items: { $ref: '#/components/schemas/StoredEvent' } },
                    next: { type: 'string', nullable: true },
                  },
                },
              },
              'text/csv': { schema: { type: 'string' } },
              'text/tab-separated-values': { schema: { type: 'string' } },
            },
          },
          ...errors,
        },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actor codes by number of events, and the top source→target dyads with mean Goldstein score',
        parameters: [
          ...filterParams,
          q('level', 'group by full code, or by country (first 3 letters; IGO/NGO codes keep 6)', {
            type: 'string',
            enum: ['code', 'country'],
          }),
          q('limit', 'how many actors and dyads (1..500, default 100)', { type: 'integer' }),
        ],
        responses: {
          '200': {
            description:
              '{actors:[{code,name,events,as_source,as_target}], dyads:[{source,target,count,goldstein,quads}]}',
          },
          ...errors,
        },
      },
    },
    '/api/stats': {
      get: {
        summary: 'Events per day, stacked by QuadClass (quads[0..3]) and by CAMEO root',
        parameters: filterParams,
        responses: { '200': { description: '{days:[{date,count,quads,roots}], undated, total}' }, ...errors },
      },
    },
    '/api/geo': {
      get: {
        summary: 'Events with coordinates clustered on a grid (for the map)',
        parameters: [
          ...filterParams,
          q('cell', 'grid cell size in degrees (0.01..45, default 1)', { type: 'number' }),
        ],
        responses: { '200': { description: '{cell, cells:[{lat,lon,count,quads,place,bbox}]}' }, ...errors },
      },
    },
    '/api/health': {
      get: {
        summary: 'Version and store counts',
        responses: { '200': { description: '{ok, version, articles, events, ...}' } },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3 JSON' } } },
    },
  },
} as const;
