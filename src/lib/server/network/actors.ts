import type { Ctx } from '../context';
import type { NetworkActor } from '../../proposals/network-actors';
import { networkOf } from './network';

/**
 * The project's network organisations as the proposal canvas offers them for a table (issue 10):
 * everyone on the network map (partners, members' organisations, hosts, relations' ends), with
 * territory names instead of ids. Asks the same permission as the map.
 */
export async function actorsOf(ctx: Ctx, projectId: string): Promise<NetworkActor[]> {
	const net = await networkOf(ctx, projectId);
	const districtName = new Map(net.districts.map((d) => [d.id, d.name]));
	return net.nodes.map((n) => ({
		id: n.id,
		name: n.name,
		kind: n.kind,
		role: n.role,
		territories: n.districtIds
			.map((id) => districtName.get(id))
			.filter((name): name is string => !!name)
			.sort((a, b) => a.localeCompare(b, 'it'))
	}));
}
