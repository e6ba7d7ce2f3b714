import { z } from "zod";
import { DISCIPLINES, ROLES } from "./roles";

export const disciplineSchema = z.enum(DISCIPLINES);
export const roleSchema = z.enum(ROLES);
