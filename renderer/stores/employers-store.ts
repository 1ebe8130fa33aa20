import { create } from 'zustand';
import type { EmployerDetail, EmployerPatch, EmployerRow } from '../../shared/schema/employers.js';
import type { Employer } from '../../shared/schema/entities.js';
import { call, errorMessage } from '../api.js';

interface EmployersState {
  /** The LAMP list as main sorted it. */
  rows: EmployerRow[];
  loaded: boolean;
  error: string | null;
  /** The employer page shown, and its id. */
  detail: EmployerDetail | null;
  detailId: string | null;
  detailError: string | null;
  load(): Promise<void>;
  openDetail(id: string): Promise<void>;
  /** After main changed employers or contacts: reloads what was loaded. */
  refresh(): Promise<void>;
  /** Main's answers; a failure throws the ApiError so the caller says what went wrong. */
  create(name: string): Promise<Employer>;
  update(id: string, patch: EmployerPatch): Promise<Employer>;
  merge(keepId: string, mergeId: string): ReturnType<typeof mergeCall>;
  remove(id: string): Promise<{ unlinked: number }>;
}

const mergeCall = (keepId: string, mergeId: string) => call('employers:merge', { keepId, mergeId });

const initial = {
  rows: [] as EmployerRow[],
  loaded: false,
  error: null as string | null,
  detail: null as EmployerDetail | null,
  detailId: null as string | null,
  detailError: null as string | null,
};

export const useEmployersStore = create<EmployersState>()((set, get) => ({
  ...initial,
  load: async () => {
    try {
      set({ rows: await call('employers:list'), loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  openDetail: async (id) => {
    if (get().detailId !== id) set({ detail: null, detailId: id, detailError: null });
    try {
      const detail = await call('employers:get', { id });
      if (get().detailId === id) set({ detail, detailError: null });
    } catch (error) {
      if (get().detailId === id) set({ detailError: errorMessage(error) });
    }
  },
  refresh: async () => {
    const { loaded, detailId } = get();
    await Promise.all([
      loaded ? get().load() : null,
      detailId !== null ? get().openDetail(detailId) : null,
    ]);
  },
  create: (name) => call('employers:create', { employer: { name } }),
  update: (id, patch) => call('employers:update', { id, patch }),
  merge: mergeCall,
  remove: (id) => call('employers:remove', { id }),
}));

export const resetEmployersStore = () => useEmployersStore.setState(initial);
