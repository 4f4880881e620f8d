CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"gemeente_code" text NOT NULL,
	"wijk_code" text,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_import_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"source_area" text,
	"status" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "control_import_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "control_monthly" (
	"month" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"control_type" text NOT NULL,
	"initiative" text,
	"selection_reason" text,
	"legal_basis" text,
	"outcome_linked" boolean,
	"controls" bigint NOT NULL,
	"hits" bigint NOT NULL,
	"warnings" bigint NOT NULL,
	"fines" bigint NOT NULL,
	"arrests" bigint NOT NULL,
	"seizures" bigint NOT NULL,
	"referrals" bigint NOT NULL,
	"explained" bigint NOT NULL,
	"with_reason_text" bigint NOT NULL,
	"frisks" bigint NOT NULL,
	"searches" bigint NOT NULL,
	"with_subject_key" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "controls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_area" text,
	"import_file_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"local_month" date NOT NULL,
	"local_hour" smallint,
	"local_weekday" smallint,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"officer_person_id" uuid,
	"gemeente_code" text,
	"wijk_code" text,
	"buurt_code" text,
	"lat" double precision,
	"lng" double precision,
	"control_type" text NOT NULL,
	"initiative" text,
	"selection_reason" text,
	"reason_text" text,
	"legal_basis" text,
	"legal_basis_text" text,
	"explained" boolean,
	"not_explained_why" text,
	"act_identity_check" boolean DEFAULT false NOT NULL,
	"act_frisk" boolean DEFAULT false NOT NULL,
	"act_search_person" boolean DEFAULT false NOT NULL,
	"act_search_vehicle" boolean DEFAULT false NOT NULL,
	"outcome" text NOT NULL,
	"outcome_text" text,
	"outcome_linked" boolean,
	"duration_band" text,
	"object_of_search" text,
	"subject_kind" text,
	"subject_key_hash" text,
	"subject_key_version" text,
	"subject_ref" uuid,
	"subject_sex" text,
	"subject_age_band" text,
	"group_self_defined" text,
	"group_officer_defined" text,
	"group_opp" text,
	"extra" jsonb,
	"body_hash" text,
	"created_by_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "areas_level_lat_idx" ON "areas" USING btree ("level","lat");--> statement-breakpoint
CREATE INDEX "areas_gemeente_idx" ON "areas" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "areas_name_idx" ON "areas" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "control_monthly_unit_idx" ON "control_monthly" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "control_monthly_team_idx" ON "control_monthly" USING btree ("team_id","month");--> statement-breakpoint
CREATE INDEX "controls_team_time_idx" ON "controls" USING btree ("team_id","occurred_at");--> statement-breakpoint
CREATE INDEX "controls_unit_time_idx" ON "controls" USING btree ("unit_id","occurred_at");--> statement-breakpoint
CREATE INDEX "controls_source_time_idx" ON "controls" USING btree ("source","occurred_at");--> statement-breakpoint
CREATE INDEX "controls_subject_idx" ON "controls" USING btree ("subject_key_hash") WHERE subject_key_hash is not null;