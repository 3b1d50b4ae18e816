import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { AssociationKind, AssociationStatus } from '../association.entity';
import { Trim } from '@mangfold/common';

export enum AssociationOrder {
  NAME = 'NAME',
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}

registerEnumType(AssociationOrder, {
  name: 'AssociationOrder',
  valuesMap: {
    NAME: { description: 'Alphabetical (the default)' },
    OLDEST_FIRST: { description: 'By sign-up time, oldest first: the approval queue' },
    NEWEST_FIRST: { description: 'By sign-up time, newest first' },
  },
});

@InputType()
export class AssociationFilter {
  @Field(() => AssociationKind, { nullable: true })
  @IsOptional()
  @IsEnum(AssociationKind)
  kind?: AssociationKind | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  districtSlug?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  housingAreaSlug?: string | null;

  @Field(() => AssociationStatus, { nullable: true, description: 'Admins only; everyone else sees APPROVED associations' })
  @IsOptional()
  @IsEnum(AssociationStatus)
  status?: AssociationStatus | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}
