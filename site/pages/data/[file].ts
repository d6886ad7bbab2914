import type { APIRoute } from 'astro';
import { DATASET_NAMES, type DatasetName, datasetCsv, datasetJson, openDatasets } from '../../lib/open-data.ts';
import { getSiteData } from '../../lib/site-data.ts';

/** The open data files: /data/{projects,disclosures,needs,referrals}.{json,csv}, written at build time. */
export const prerender = true;

type Format = 'json' | 'csv';

export function getStaticPaths() {
  return DATASET_NAMES.flatMap((name) =>
    (['json', 'csv'] as const).map((format) => ({ params: { file: `${name}.${format}` }, props: { name, format } })),
  );
}

export const GET: APIRoute<{ name: DatasetName; format: Format }> = async ({ props, site }) => {
  const data = await getSiteData();
  const dataset = openDatasets(site)[props.name];
  if (props.format === 'csv') {
    // The generic signature keeps each dataset's row type; the union here needs a widening cast.
    const body = datasetCsv(dataset as Parameters<typeof datasetCsv>[0], data);
    return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  }
  const body = datasetJson(dataset as Parameters<typeof datasetJson>[0], data);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
