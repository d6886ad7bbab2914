import QRCode from 'qrcode';
import { formatMoney } from '../../../content/contracts/money.ts';
import { SHARE_QR_SIZE, type ShareCard } from './share-card.ts';

/**
 * A 一起捐 team's poster: the share card (site/lib/share-image/share-card.ts) with the team's
 * name, its project and charity, the goal and a QR code of the team's link, to save and send in
 * WeChat. Only what the team page already shows publicly; no live figure, so a poster stays true
 * while it is cached. Teams are started while the site runs, so the portal draws posters on
 * request (site/pages/teams/poster/[teamId].png.ts) through the same renderer and cache as the
 * build's share images.
 */
export interface TeamPosterFacts {
  name: string;
  goalFen: number;
  leaderName: string;
  project: { title: string; charity: { name: string } };
}

export async function teamPosterCard(team: TeamPosterFacts, shareUrl: string): Promise<ShareCard> {
  // Drawn at the size it is shown, so resvg does not scale (and blur) it; M, with a 4-module
  // quiet zone, as the pay QR (donations/pay-qr-image.ts) — a phone camera reads it off a screen.
  const image = await QRCode.toDataURL(shareUrl, {
    errorCorrectionLevel: 'M',
    margin: 4,
    width: SHARE_QR_SIZE,
    type: 'image/png',
  });
  return {
    kind: '一起捐',
    title: team.name,
    subtitle: `为“${team.project.title}”募捐`,
    figures: [
      { label: '队伍目标', value: formatMoney(team.goalFen) },
      { label: '发起人', value: team.leaderName },
    ],
    note: `善款直接进入${team.project.charity.name}的账户`,
    qr: { image, caption: '扫码一起捐' },
  };
}
