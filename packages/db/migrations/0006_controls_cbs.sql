CREATE TABLE "cbs_darkness_counts" (
	"dataset_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"group_label" text,
	"area" text NOT NULL,
	"clock_minute" smallint NOT NULL,
	"darkness" text NOT NULL,
	"controls" integer NOT NULL,
	CONSTRAINT "cbs_darkness_counts_dataset_id_line_pk" PRIMARY KEY("dataset_id","line")
);
--> statement-breakpoint
CREATE TABLE "cbs_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"description" text,
	"file_sha256" text NOT NULL,
	"rows_loaded" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"created_by_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cbs_datasets_file_sha256_unique" UNIQUE("file_sha256")
);
--> statement-breakpoint
CREATE TABLE "cbs_outcome_counts" (
	"dataset_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"group_label" text,
	"selection_reason" text,
	"outcome" text NOT NULL,
	"controls" integer NOT NULL,
	"searches" integer NOT NULL,
	"outcome_linked" integer NOT NULL,
	CONSTRAINT "cbs_outcome_counts_dataset_id_line_pk" PRIMARY KEY("dataset_id","line")
);
--> statement-breakpoint
CREATE TABLE "control_cbs_links" (
	"control_id" uuid PRIMARY KEY NOT NULL,
	"link_hash" text NOT NULL,
	"key_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cbs_darkness_counts" ADD CONSTRAINT "cbs_darkness_counts_dataset_id_cbs_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."cbs_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbs_outcome_counts" ADD CONSTRAINT "cbs_outcome_counts_dataset_id_cbs_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."cbs_datasets"("id") ON DELETE cascade ON UPDATE no action;