CREATE TABLE "control_analysis_base" (
	"month" date NOT NULL,
	"local_month" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"gemeente_code" text,
	"controls" integer NOT NULL,
	"legal" integer NOT NULL,
	"reason_text" integer NOT NULL,
	"explained" integer NOT NULL,
	"explained_known" integer NOT NULL,
	"link_known" integer NOT NULL,
	"hits" integer NOT NULL,
	"no_time" integer NOT NULL,
	"no_reason" integer NOT NULL,
	"no_legal_basis" integer NOT NULL,
	"no_initiative" integer NOT NULL,
	"group_self" integer NOT NULL,
	"group_officer" integer NOT NULL,
	"group_opp" integer NOT NULL,
	"bx_no_team" integer NOT NULL,
	"bx_no_time" integer NOT NULL,
	"bx_no_gemeente" integer NOT NULL,
	"bx_no_reason" integer NOT NULL,
	"bx_no_link" integer NOT NULL,
	CONSTRAINT "control_analysis_base_key" UNIQUE NULLS NOT DISTINCT("month","local_month","source","unit_id","district_id","team_id","gemeente_code")
);
--> statement-breakpoint
CREATE TABLE "control_analysis_benchmark" (
	"month" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"gemeente_code" text,
	"hour_band" smallint NOT NULL,
	"selection_reason" text NOT NULL,
	"controls" integer NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "control_analysis_benchmark_key" UNIQUE NULLS NOT DISTINCT("month","source","unit_id","district_id","team_id","gemeente_code","hour_band","selection_reason")
);
--> statement-breakpoint
CREATE TABLE "control_analysis_darkness" (
	"day" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"gemeente_code" text,
	"area" text NOT NULL,
	"local_date" date NOT NULL,
	"minute" smallint NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"group_self_defined" text,
	"group_officer_defined" text,
	"group_opp" text,
	"controls" integer NOT NULL,
	CONSTRAINT "control_analysis_darkness_key" UNIQUE NULLS NOT DISTINCT("day","source","unit_id","district_id","team_id","gemeente_code","area","local_date","minute","lat","lng","group_self_defined","group_officer_defined","group_opp")
);
--> statement-breakpoint
CREATE TABLE "control_analysis_dims" (
	"month" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"gemeente_code" text,
	"dimension" text NOT NULL,
	"key" text,
	"controls" integer NOT NULL,
	"link_known" integer NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "control_analysis_dims_key" UNIQUE NULLS NOT DISTINCT("month","source","unit_id","district_id","team_id","gemeente_code","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "control_analysis_groups" (
	"month" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" uuid,
	"district_id" uuid,
	"team_id" uuid,
	"gemeente_code" text,
	"group_self_defined" text,
	"group_officer_defined" text,
	"group_opp" text,
	"controls" integer NOT NULL,
	"searched" integer NOT NULL,
	"search_hits" integer NOT NULL,
	CONSTRAINT "control_analysis_groups_key" UNIQUE NULLS NOT DISTINCT("month","source","unit_id","district_id","team_id","gemeente_code","group_self_defined","group_officer_defined","group_opp")
);
--> statement-breakpoint
CREATE INDEX "control_analysis_base_team_idx" ON "control_analysis_base" USING btree ("team_id","month");--> statement-breakpoint
CREATE INDEX "control_analysis_benchmark_team_idx" ON "control_analysis_benchmark" USING btree ("team_id","month");--> statement-breakpoint
CREATE INDEX "control_analysis_dims_team_idx" ON "control_analysis_dims" USING btree ("team_id","month");