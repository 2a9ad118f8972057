import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Role, User } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** POST /api/v1/users → 201 User; 409 EMAIL_TAKEN. */
export function createUser(input: UserInput): Promise<User> {
  return apiRequest<User>('/v1/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.users] }),
  });
}
